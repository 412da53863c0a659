import type { KeyboardEvent } from "react";

/**
 * Keyboard for a combobox input that drives a listbox (picker, command palette, search): ↑/↓ move the active
 * option with wrap-around, Enter chooses it. Other keys are left to the input.
 */
export function listboxKeyDown<T>(
  e: KeyboardEvent,
  options: readonly T[],
  activeIndex: number,
  setActive: (index: number) => void,
  choose: (option: T | undefined) => void,
): void {
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    const n = options.length;
    if (n) setActive((activeIndex + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
  } else if (e.key === "Enter") {
    e.preventDefault();
    choose(options[activeIndex]);
  }
}
