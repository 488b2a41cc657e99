/** The console bundle's entry: defines `<rembuk-moderate>` (and the elements it renders). */
import './rembuk-moderate.ts';
