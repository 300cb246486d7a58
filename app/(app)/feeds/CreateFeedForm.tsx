import { useTranslations } from "next-intl";
import { FormMessage } from "../wikis/FormMessage";
import type { FeedFormState } from "./actions";
import { FeedFields, type FilterChoice } from "./FeedFields";

/** The form for a new feed; its addresses appear on the new feed's card, not here (FeedsPanel). */
export function CreateFeedForm({
  choices,
  action,
  state,
  pending,
}: {
  choices: FilterChoice[];
  action: (form: FormData) => void;
  state: FeedFormState;
  pending: boolean;
}) {
  const t = useTranslations("feeds");
  return (
    <form className="form" action={action} aria-labelledby="create-feed-heading">
      <h2 id="create-feed-heading">{t("newHeading")}</h2>
      <FormMessage ok={state.ok} message={state.message} />
      <FeedFields idPrefix="feed" choices={choices} />
      <button type="submit" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
