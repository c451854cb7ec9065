/** The communes of département 93, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
