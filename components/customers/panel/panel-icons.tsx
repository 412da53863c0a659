import clsx from "clsx";

type IconProps = { className?: string };

// Panel-only glyphs, drawn like components/ui/icons.tsx (24px grid, 1.8 stroke, currentColor).
function make(d: string, fill = false) {
  const C = ({ className }: IconProps) => (
    <svg
      viewBox="0 0 24 24"
      fill={fill ? "currentColor" : "none"}
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
  return C;
}

export const CopyIcon = make("M9 9h11v11H9zM5 15H4V4h11v1");
export const PinIcon = make("M9 4h6l-1 5 3 3v2H7v-2l3-3zM12 14v6");
export const PinFilledIcon = make("M9 4h6l-1 5 3 3v2H7v-2l3-3zM12 14v6", true);
export const StarIcon = make("M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z");
export const StarFilledIcon = make("M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z", true);
export const PencilIcon = make("M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4");
export const TrashIcon = make("M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3");
export const HistoryIcon = make("M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4M12 8v4l3 2");
export const ChevronRightIcon = make("M9 6l6 6-6 6");
export const InsertIcon = make("M12 4v10M8 10l4 4 4-4M5 18h14");
export const SendIcon = make("M4 12l16-8-6 16-2-7z");
export const RefundIcon = make("M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3");
export const BanIcon = make("M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM5.6 5.6l12.8 12.8");
export const MapPinIcon = make("M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21zM12 12a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z");
export const ImageIcon = make("M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15 9h.01");
export const MoreIcon = make("M5 12h.01M12 12h.01M19 12h.01");
export const ClockSmallIcon = make("M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2");
