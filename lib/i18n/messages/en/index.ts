// One JSON file per namespace: a namespace is a screen or a shared part. Add a namespace to every language.
import alerts from "./alerts.json";
import common from "./common.json";
import errors from "./errors.json";
import mail from "./mail.json";
import wikis from "./wikis.json";

export default {
  alerts,
  common,
  errors,
  mail,
  wikis,
};
