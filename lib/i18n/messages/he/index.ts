// One JSON file per namespace: a namespace is a screen or a shared part. Add a namespace to every language.
import common from "./common.json";
import rows from "./rows.json";
import timeline from "./timeline.json";

export default {
  common,
  rows,
  timeline,
};
