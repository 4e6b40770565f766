// /manifest.webmanifest: the site as an installable app would name and show it.
import type { MetadataRoute } from 'next';
import { SITE_DESCRIPTION, SITE_NAME } from '@/lib/metadata/site';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: SITE_NAME,
    short_name: 'Archive',
    description: SITE_DESCRIPTION,
    start_url: '/',
    display: 'browser',
    background_color: '#fafaf9',
    theme_color: '#1c1917',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/apple-icon.png', sizes: '180x180', type: 'image/png' },
    ],
  };
}
