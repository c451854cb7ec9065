/** The communes of département 85, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
