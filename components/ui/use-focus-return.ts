"use client";

import { useLayoutEffect, type RefObject } from "react";

const FOCUSABLE =
  'input:not([disabled]), textarea:not([disabled]), button:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export function focusableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
}

/**
 * On mount: remembers what had focus and focuses the first `[data-autofocus]` (or focusable) element inside.
 * On unmount: gives focus back, unless the user already moved it somewhere else on purpose.
 */
export function useFocusReturn(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const container = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (container) {
      const target = container.querySelector<HTMLElement>("[data-autofocus]") ?? focusableIn(container)[0] ?? container;
      target.focus({ preventScroll: true });
    }
    return () => {
      const active = document.activeElement;
      const lost = !active || active === document.body || (container?.contains(active) ?? false);
      if (lost && previous?.isConnected) previous.focus({ preventScroll: true });
    };
  }, [ref]);
}
