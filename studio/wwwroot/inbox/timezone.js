// The browser's time zone (IANA id), so the inbox shows due dates and "due today" in the user's own day.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
