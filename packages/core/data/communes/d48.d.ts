/** The communes of département 48, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
