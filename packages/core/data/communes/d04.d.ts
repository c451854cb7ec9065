/** The communes of département 04, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
