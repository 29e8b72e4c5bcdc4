// The exploration fields, one file per feature; importing this registers all four.
import './neighborhood.schema.ts';
import './paths.schema.ts';
import './relation.schema.ts';
import './provenance.schema.ts';
