/** The communes of département 73, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
