// One JSON file per namespace: a namespace is a screen or a shared part. Add a namespace to every language.
import common from "./common.json";
import errors from "./errors.json";

export default {
  common,
  errors,
};
