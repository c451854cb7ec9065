// A React application using the @relais/react wrappers: props, an object property (the client), typed events.
// Each wrapper comes from its own entry, which registers that element only (`@relais/react` gives them all).
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RelaisProvider } from '@relais/react/provider';
import { RelaisDirectory } from '@relais/react/directory';
import { RelaisPathway } from '@relais/react/pathway';
import { createClient } from '@relais/core';
import '@relais/themes/default.css';

const dataUrl = new URL('../data/nievre.json', import.meta.url).href;

function App() {
  const client = useMemo(() => createClient({ source: 'static', url: dataUrl }), []);
  const [chosen, setChosen] = useState('');
  return (
    <main>
      <h1>Annuaire (React)</h1>
      <p>Données de démonstration (Nièvre, structures fictives).</p>
      <RelaisProvider client={client}>
        <RelaisDirectory commune="58079" departements="58" onRelaisSelect={(e) => setChosen(e.serviceId ?? '')} />
      </RelaisProvider>
      <p id="selection" role="status">{chosen ? `Service choisi : ${chosen}` : ''}</p>
      <h2>Parcours APA à domicile</h2>
      <RelaisPathway templateId="apa-domicile" headingLevel={3} />
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
