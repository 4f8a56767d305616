// What a page is made of after layout: positioned text, boxes, lines and option marks, in PDF points (origin bottom-left, text y = baseline).

export type DrawOp =
  | { op: 'text'; x: number; y: number; size: number; text: string; bold?: boolean; muted?: boolean }
  /** A box; fill 'heading' for section titles, 'shade' behind a chosen option, 'label' for label cells; stroke draws its border. */
  | { op: 'rect'; x: number; y: number; width: number; height: number; fill?: 'heading' | 'shade' | 'label'; stroke?: boolean }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number }
  /**
   * An option's mark: a circle (one answer) or a square (several), filled when chosen. `owner` is the item number
   * or question label it belongs to, so a test can read back which codes are marked on a page.
   */
  | { op: 'mark'; x: number; y: number; size: number; shape: 'circle' | 'square'; checked: boolean; owner: string; code: string | number };

export interface PageDraw {
  ops: DrawOp[];
}
