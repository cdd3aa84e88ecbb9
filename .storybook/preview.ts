import { setCustomElementsManifest } from '@storybook/web-components';
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../packages/elements/custom-elements.json';

setCustomElementsManifest(manifest);

const RTL = new Set(['ar']);

/** Puts every story in a wrapper carrying the toolbar's language, direction and theme. */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale = String(context.globals.locale ?? 'ar');
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  // Language and direction go on the story's wrapper only: on <html> they would also flip the docs pages,
  // which are written in English.
  document.body.classList.toggle('nassij-dark', theme === 'dark');
  // Dark tokens assume a dark page behind the element.
  document.body.style.background = theme === 'dark' ? '#121816' : '';
  return html`<div class="nassij-story nassij-${theme}" lang=${locale} dir=${RTL.has(locale) ? 'rtl' : 'ltr'}
    theme=${theme}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withLocaleAndTheme],
  globalTypes: {
    locale: {
      description: 'Language (direction follows)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'ar', title: 'العربية' },
          { value: 'fr', title: 'Français' },
          { value: 'zgh', title: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'ar', theme: 'light' },
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
  tags: ['autodocs'],
};

export default preview;
