/** The communes of département 67, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
