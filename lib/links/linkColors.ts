/**
 * New links' colours: Okabe and Ito's palette for colour-blind readers ("Color Universal Design", 2008), in the
 * order its colours stay apart under protanopia, deuteranopia and tritanopia, with its black swapped for a grey
 * that shows on dark backgrounds too. A new link gets the first one none of the user's links has (firstFreeColor),
 * so the first eight never share one.
 */
export const LINK_COLORS = [
  "#0072b2",
  "#e69f00",
  "#009e73",
  "#cc79a7",
  "#d55e00",
  "#56b4e9",
  "#f0e442",
  "#8c8c8c",
] as const;

export const LINK_COLOR_NAMES: Record<(typeof LINK_COLORS)[number], string> = {
  "#0072b2": "Blue",
  "#e69f00": "Orange",
  "#009e73": "Bluish green",
  "#cc79a7": "Reddish purple",
  "#d55e00": "Vermilion",
  "#56b4e9": "Sky blue",
  "#f0e442": "Yellow",
  "#8c8c8c": "Grey",
};

/** The first palette colour no colour of `used` is; once all are taken, the one fewest of them have. */
export function firstFreeColor(used: readonly string[]): string {
  const uses = (color: string) => used.filter((u) => u.toLowerCase() === color).length;
  return LINK_COLORS.reduce<string>((best, color) => (uses(color) < uses(best) ? color : best), LINK_COLORS[0]);
}
