// The one import of pptxgenjs. Its types describe a CommonJS module whose default export holds the
// class, while Node's ESM loader hands us the class itself; this resolves both.
import pptxgenjs from 'pptxgenjs';

type PptxGenJSClass = typeof pptxgenjs.default;
const loaded = pptxgenjs as unknown as { default?: PptxGenJSClass } & PptxGenJSClass;

export const PptxGenJS: PptxGenJSClass = (loaded.default ?? loaded) as PptxGenJSClass;
export type Pptx = InstanceType<PptxGenJSClass>;
export type PptxSlide = ReturnType<Pptx['addSlide']>;
export type TextProps = pptxgenjs.default.TextProps;
export type TableRow = pptxgenjs.default.TableRow;
export type TableCellProps = pptxgenjs.default.TableCell;
