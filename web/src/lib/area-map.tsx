/**
 * The map of Italy that one feature draws and others show (the surveys' ChoroplethMap, decision
 * 0039). A feature never imports another feature (eslint, web zones), so the map reaches the
 * others through this slot: app/ puts the surveys' map in it (App.tsx), a feature renders
 * `<AreaMap …/>` with these props. Without a map in the slot nothing is drawn.
 */
import { createContext, createElement, Suspense, useContext, type ComponentType } from 'react';
import { Loading } from '../components/Loading';

export interface AreaMapItem {
  /** ISTAT code: 2 digits (Regione), 3 (provincia), 6 (Comune) */
  code: string;
  name?: string;
  value?: number | null;
  /** for a status map: the key of one of the categories */
  category?: string;
}

export interface AreaMapProps {
  title: string;
  level: 'regione' | 'provincia' | 'comune';
  items: readonly AreaMapItem[];
  /** a status map: the items carry `category` */
  categories?: readonly { key: string; label: string; colour?: string }[];
  /** the Region to show first; `lockedRegion`: a reader who sees one Region only */
  region?: string | null;
  lockedRegion?: string | null;
  /** how areas with no item are drawn: no data (grey) or outside the universe (white) */
  absent?: 'missing' | 'outside';
  valueLabel?: string;
  legendTitle?: string;
  /** the downloads' name, without extension */
  fileName: string;
}

const AreaMapContext = createContext<ComponentType<AreaMapProps> | null>(null);

/** Puts a map component in the slot (app/ does, once). */
export const AreaMapProvider = AreaMapContext.Provider;

/** The map in the slot, with these props (loaded on demand: the component may be lazy). */
export function AreaMap(props: AreaMapProps) {
  // the one component app/ put in the slot, stable for the app's life (not made during render)
  const map = useContext(AreaMapContext);
  if (!map) return null;
  return <Suspense fallback={<Loading />}>{createElement(map, props)}</Suspense>;
}
