/** The communes of département 77, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
