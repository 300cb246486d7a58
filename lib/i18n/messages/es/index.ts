// One JSON file per namespace: a namespace is a screen or a shared part. Add a namespace to every language.
import account from "./account.json";
import alerts from "./alerts.json";
import auth from "./auth.json";
import common from "./common.json";
import emailLinks from "./emailLinks.json";
import errors from "./errors.json";
import feeds from "./feeds.json";
import filterActions from "./filterActions.json";
import filterSets from "./filterSets.json";
import filters from "./filters.json";
import log from "./log.json";
import mail from "./mail.json";
import rows from "./rows.json";
import teams from "./teams.json";
import timeline from "./timeline.json";
import ui from "./ui.json";
import watching from "./watching.json";
import wikis from "./wikis.json";

export default {
  common,
  account,
  alerts,
  auth,
  emailLinks,
  errors,
  feeds,
  filterActions,
  filterSets,
  filters,
  log,
  mail,
  rows,
  teams,
  timeline,
  ui,
  watching,
  wikis,
};
