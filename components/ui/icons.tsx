import clsx from "clsx";

type IconProps = { className?: string };

function Icon({ className, d }: IconProps & { d: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={clsx("shrink-0", className ?? "h-4 w-4")}
      aria-hidden="true"
    >
      <path d={d} />
    </svg>
  );
}

const icon = (d: string) => {
  const C = (p: IconProps) => <Icon {...p} d={d} />;
  return C;
};

export const CheckIcon = icon("M5 12.5l4.5 4.5L19 7");
export const DoubleCheckIcon = icon("M1.5 12.5l4.5 4.5 10-10M10 15.5l1.5 1.5 10-10");
export const ClockIcon = icon("M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2");
export const ChevronDownIcon = icon("M6 9l6 6 6-6");
export const CloseIcon = icon("M6 6l12 12M18 6L6 18");
export const PlusIcon = icon("M12 5v14M5 12h14");
export const SearchIcon = icon("M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4");
export const PaperclipIcon = icon("M20 11.5l-8 8a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4L15 7.5");
export const ArrowDownIcon = icon("M12 5v14M6 13l6 6 6-6");
export const SnoozeIcon = icon("M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z");
export const UserIcon = icon("M20 21v-1a5 5 0 0 0-5-5H9a5 5 0 0 0-5 5v1M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z");
export const UnassignedIcon = icon("M20 21v-1a5 5 0 0 0-5-5H9a5 5 0 0 0-5 5v1M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM3 3l18 18");
export const UsersIcon = icon(
  "M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6M21 19v-1a4 4 0 0 0-3-3.9M16 4.1a3 3 0 0 1 0 5.8",
);
export const TagIcon = icon("M3 12V4h8l10 10-8 8zM7.5 7.5h.01");
export const FlagIcon = icon("M5 21V4M5 4h11l-2 4 2 4H5");
export const AlertIcon = icon("M12 3.5l9.5 16.5h-19zM12 10v4M12 17h.01");
export const LockIcon = icon("M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11");
export const RefreshIcon = icon("M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7");
export const CheckCircleIcon = icon("M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8 12l3 3 5-6");
export const ReopenIcon = icon("M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3");
export const InboxIcon = icon("M3 13h5l1.5 3h5L16 13h5M5 5h14l2 8v6H3v-6z");
export const MailIcon = icon("M4 6h16v12H4zM4 7l8 6 8-6");
export const PhoneIcon = icon("M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2");
export const ExternalIcon = icon("M14 4h6v6M20 4l-9 9M18 14v6H4V6h6");
export const PackageIcon = icon("M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10");
export const TruckIcon = icon(
  "M3 6h11v10H3zM14 9h4l3 3v4h-7M7.5 19a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM17.5 19a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z",
);
export const KeyboardIcon = icon("M3 6h18v12H3zM7 10h.01M11 10h.01M15 10h.01M7 14h10");
export const NoteIcon = icon("M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4");
export const ReplyIcon = icon("M10 8L4 13l6 5M4 13h10a6 6 0 0 1 6 6");
export const SortIcon = icon("M7 4v16M3 8l4-4 4 4M17 20V4M13 16l4 4 4-4");
export const LinkIcon = icon("M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1");
export const GlobeIcon = icon("M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18");
export const HashIcon = icon("M5 9h14M5 15h14M10 4L8 20M16 4l-2 16");
export const FilterIcon = icon("M3 5h18l-7 8v6l-4 2v-8z");
