// An npm + Vite application: the packages as a developer imports them (built dist, dependencies shared with the
// app, one Lit), a client built in code and handed to the provider, a theme from @relais/themes, typed events.
import '@relais/core/provider.js';
import '@relais/directory/define.js';
import '@relais/map/define.js';
import '@relais/themes/auto.css';
import { createClient } from '@relais/core';

const provider = document.querySelector('relais-provider');
provider.client = createClient({ source: 'static', url: new URL('../data/nievre.json', import.meta.url).href });

document.addEventListener('relais-select', (e) => {
  document.querySelector('#selection').textContent = e.serviceId ? `Service choisi : ${e.serviceId}` : '';
});
