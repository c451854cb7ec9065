/** The communes of département 21, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
