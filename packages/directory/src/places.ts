/**
 * The communes the directory offers and resolves: those of the départements served (else of the page's commune's
 * département, else all of France), and, for a commune typed outside them, a wider gazetteer.
 */
import { DEPARTEMENT_CODES, Gazetteer, departementOf } from '@relais/core';

/** The element's scope: its `departements` (split) and its `commune`. */
export interface PlaceScope {
  departements: string[];
  commune: string | undefined;
}

export class DirectoryGazetteers {
  private served: Promise<Gazetteer> | null = null;
  private wider = new Map<string, Promise<Gazetteer>>();

  constructor(private readonly scope: () => PlaceScope) {}

  /** The gazetteer of `deps`, or (none given) the one of the places served, loaded once. */
  load(deps?: string[]): Promise<Gazetteer> {
    const { departements, commune } = this.scope();
    const scope = deps ?? departements;
    if (!deps && this.served) return this.served;
    const base = scope.length ? scope : commune ? [departementOf(commune)] : [];
    const p = Gazetteer.load(base.length ? { departements: base } : {});
    if (!deps) this.served = p;
    return p;
  }

  /**
   * Where to look for a commune not found among the départements served (Auxerre, beside the Nièvre): a postcode's
   * département, else the neighbouring départements, else (`all`) the whole of France.
   */
  widerFor(typed: string, all: boolean): Promise<Gazetteer> {
    const pc = typed.trim().match(/^(\d{2})\d{3}$/)?.[1];
    const key = pc ? `pc${pc}` : all ? 'france' : 'near';
    let g = this.wider.get(key);
    if (!g) {
      const { departements, commune } = this.scope();
      const served = departements.concat(commune ? [departementOf(commune)] : []);
      // a postcode: its département (20xxx: both of Corsica; 97x: overseas, whose postcodes start with the code)
      const byPostcode = pc === '20' ? ['2A', '2B'] : pc === '97' ? DEPARTEMENT_CODES.filter((d) => d.startsWith('97')) : pc ? [pc] : [];
      g = Gazetteer.load(pc ? { departements: byPostcode } : all || !served.length ? {} : { around: served });
      this.wider.set(key, g);
      g.catch(() => this.wider.delete(key));
    }
    return g;
  }
}
