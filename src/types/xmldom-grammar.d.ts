// xmldom ships no types for its internal grammar module; xml.ts only memoizes its `reg`.
declare module '@xmldom/xmldom/lib/grammar.js' {
  const grammar: Record<string, unknown>;
  export default grammar;
}
