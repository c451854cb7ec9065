/** The communes of département 58, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
