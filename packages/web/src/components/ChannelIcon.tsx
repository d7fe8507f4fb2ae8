/** A recognisable glyph per channel kind, drawn inline so it needs no font or asset. */
import { CHANNEL_LABELS, type ChannelKind } from '@parley/domain';
import type { ReactNode } from 'react';

const instagram = (
  <>
    <rect x="3" y="3" width="18" height="18" rx="5" />
    <circle cx="12" cy="12" r="4" />
    <circle cx="17.5" cy="6.5" r="0.8" fill="currentColor" />
  </>
);

const facebook = (
  <>
    <rect x="3" y="3" width="18" height="18" rx="4" />
    <path d="M15.5 7.5H14a2.5 2.5 0 0 0-2.5 2.5v11M9 13h6" />
  </>
);

/** The "comment" variants wear a small speech-bubble badge over the platform glyph. */
const commentBadge = (
  <path d="M14.5 14.5h7v5h-4l-3 2.5z" fill="var(--surface)" stroke="currentColor" />
);

const GLYPHS: Record<ChannelKind, ReactNode> = {
  website_widget: (
    <>
      <path d="M4 5h16v11H10l-6 4z" />
      <path d="M8 9.5h8M8 12.5h5" />
    </>
  ),
  share_link: (
    <>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </>
  ),
  shopify_widget: (
    <>
      <path d="M5 8h14l-1.2 12H6.2z" />
      <path d="M9 8V6.5a3 3 0 0 1 6 0V8" />
    </>
  ),
  instagram_dm: instagram,
  instagram_comment: (
    <>
      {instagram}
      {commentBadge}
    </>
  ),
  messenger: (
    <>
      <path d="M12 3c-5 0-9 3.7-9 8.3 0 2.5 1.2 4.7 3.1 6.2V21l3-1.6c.9.3 1.9.4 2.9.4 5 0 9-3.7 9-8.3S17 3 12 3z" />
      <path d="m7.5 13.5 3-3.2 2 2 4-2.3-3 3.2-2-2z" />
    </>
  ),
  facebook_comment: (
    <>
      {facebook}
      {commentBadge}
    </>
  ),
  gmail: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
    </>
  ),
};

interface Props {
  kind: ChannelKind;
  size?: number;
  /** Next to a visible channel name the icon is decoration and must not repeat the name. */
  decorative?: boolean;
}

export function ChannelIcon({ kind, size = 20, decorative = false }: Props) {
  const label = CHANNEL_LABELS[kind];
  const svg = {
    className: `channel-icon channel-icon--${kind}`,
    width: size,
    height: size,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.8,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
  } as const;
  if (decorative) {
    return (
      <svg {...svg} aria-hidden="true">
        {GLYPHS[kind]}
      </svg>
    );
  }
  return (
    <svg {...svg} role="img" aria-label={label}>
      <title>{label}</title>
      {GLYPHS[kind]}
    </svg>
  );
}
