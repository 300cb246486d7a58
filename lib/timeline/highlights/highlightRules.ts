import { prisma } from "@/lib/db/postgres";
import { timelineFiltersToSearchParams } from "../timelineFilters";
import type { HighlightColor, HighlightRuleInput, HighlightRuleView } from "./highlightRule";

const SELECT = { id: true, color: true, name: true, filterQuery: true, minBytes: true } as const;

/** The user's highlight rules, in colour order. */
export async function listHighlightRules(userId: string): Promise<HighlightRuleView[]> {
  const rules = await prisma().highlightRule.findMany({ where: { userId }, select: SELECT, orderBy: { color: "asc" } });
  return rules.map((rule) => ({ ...rule, color: rule.color as HighlightColor }));
}

/** Gives the colour to this condition; what the colour highlighted before is replaced, as in RC filters. */
export async function saveHighlightRule(userId: string, input: HighlightRuleInput): Promise<HighlightRuleView> {
  const data = {
    name: input.name,
    filterQuery: timelineFiltersToSearchParams(input.filters).toString(),
    minBytes: input.minBytes,
  };
  const rule = await prisma().highlightRule.upsert({
    where: { userId_color: { userId, color: input.color } },
    create: { userId, color: input.color, ...data },
    update: data,
    select: SELECT,
  });
  return { ...rule, color: rule.color as HighlightColor };
}

/** Removes one of the user's rules; false when there was no such rule of theirs. */
export async function deleteHighlightRule(userId: string, ruleId: string): Promise<boolean> {
  const { count } = await prisma().highlightRule.deleteMany({ where: { id: ruleId, userId } });
  return count > 0;
}
