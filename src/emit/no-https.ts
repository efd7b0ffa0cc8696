// What pptxgenjs gets as `node:https` in the shipped bundle (scripts/bundle.mjs). pptxgenjs imports it
// on every write only to fetch pictures given as http(s) URLs, and emit hands it every picture as data,
// so loading Node's HTTP and TLS stack (~15 ms of a cold build) would buy nothing.
export default {
  get(url: string): never {
    throw new Error(`briefdeck gives pptxgenjs pictures as data, never as a URL (${url})`);
  },
};
