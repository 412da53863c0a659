/** The one list of inbox shortcuts: the shortcut sheet and the palette's hints read it. */
export const SHORTCUT_GROUPS: { title: string; items: { keys: string[]; label: string }[] }[] = [
  {
    title: "Moving around",
    items: [
      { keys: ["j"], label: "Next conversation" },
      { keys: ["k"], label: "Previous conversation" },
      { keys: ["Enter"], label: "Open the focused conversation" },
      { keys: ["x"], label: "Select / unselect the focused conversation" },
      { keys: ["Shift", "x"], label: "Select a range" },
      { keys: ["Esc"], label: "Leave the composer, clear the selection" },
      { keys: ["g", "i"], label: "Go to All conversations" },
      { keys: ["g", "m"], label: "Go to Assigned to me" },
      { keys: ["g", "u"], label: "Go to Unassigned" },
    ],
  },
  {
    title: "Acting on the open conversation",
    items: [
      { keys: ["r"], label: "Reply" },
      { keys: ["n"], label: "Internal note" },
      { keys: ["a"], label: "Assign" },
      { keys: ["c"], label: "Claim (assign to me)" },
      { keys: ["e"], label: "Resolve / reopen" },
      { keys: ["s"], label: "Snooze" },
      { keys: ["t"], label: "Tag" },
      { keys: ["p"], label: "Priority" },
      { keys: ["z"], label: "Undo the last change" },
      { keys: ["Mod", "Enter"], label: "Send" },
    ],
  },
  {
    title: "Everywhere",
    items: [
      { keys: ["/"], label: "Search" },
      { keys: ["f"], label: "Filter the list / save as a view" },
      { keys: ["Mod", "k"], label: "Command palette" },
      { keys: ["?"], label: "This sheet" },
    ],
  },
];
