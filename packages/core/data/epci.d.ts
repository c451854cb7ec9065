/** One EPCI per line: SIREN|name. */
declare const data: string;
export default data;
