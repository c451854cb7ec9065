/** The communes of département 81, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
