// One JSON file per namespace: a namespace is a screen or a shared part. Add a namespace to every language.
import account from "./account.json";
import auth from "./auth.json";
import common from "./common.json";
import filterActions from "./filterActions.json";
import filters from "./filters.json";
import log from "./log.json";
import rows from "./rows.json";
import timeline from "./timeline.json";
import ui from "./ui.json";
import watching from "./watching.json";

export default {
  common,
  account,
  auth,
  filterActions,
  filters,
  log,
  rows,
  timeline,
  ui,
  watching,
};
