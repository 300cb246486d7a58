/** The one mail an unverified address ever gets. */
export function verificationMail(address: string, link: string): { subject: string; text: string } {
  return {
    subject: "Confirm this address for Watchdeck alerts",
    text: [
      `Someone (hopefully you) asked Watchdeck to send watchlist alerts to ${address}.`,
      "",
      "To confirm, open this link within 48 hours and press the button there:",
      link,
      "",
      "If this was not you, ignore this mail: nothing more is sent to this address unless it is confirmed.",
    ].join("\n"),
  };
}
