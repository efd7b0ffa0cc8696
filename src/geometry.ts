// Units shared by every stage that knows positions: inches for boxes, points for type, EMU (English
// Metric Units, 914,400 per inch) only where package XML is read or written.

/** A rectangle on the slide, in inches from the top-left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const PT_PER_IN = 72;
export const EMU_PER_IN = 914_400;
export const EMU_PER_PT = 12_700;

export const ptToIn = (pt: number): number => pt / PT_PER_IN;
export const inToPt = (inches: number): number => inches * PT_PER_IN;
export const emuToIn = (emu: number): number => emu / EMU_PER_IN;
export const inToEmu = (inches: number): number => Math.round(inches * EMU_PER_IN);
