import { getTranslations } from "next-intl/server";
import type { TeamMemberView } from "@/lib/teams/teams";

/** The team-only filter: changes to pages one of these members' shared wikis watch. */
export async function WatchedByField({
  members,
  selected,
}: {
  members: TeamMemberView[];
  selected: readonly string[];
}) {
  const t = await getTranslations("teams.timeline");
  return (
    <fieldset className="field">
      <legend>{t("watchedBy")}</legend>
      {members.map((member) => (
        <label key={member.userId} className="check">
          <input
            type="checkbox"
            name="watchedby"
            value={member.userId}
            defaultChecked={selected.includes(member.userId)}
          />{" "}
          {member.name}
        </label>
      ))}
    </fieldset>
  );
}
