package io.newsflow.generator;

import java.util.List;

/**
 * A news agency of the generated traffic: its name, the ids it mints, the format it delivers and how its desk
 * writes headlines (each agency rewrites the same story its own way).
 */
record Agency(String name, String code, String uriBase, WireFormat format, int headlineStyle) {

    /** Mostly ninjs, as the real wires: one RSS publisher and one NewsML-G2 agency for variety. */
    static final List<Agency> ALL = List.of(
            new Agency("Meridian Press", "MP", "urn:newsml:meridianpress.example:", WireFormat.NINJS, 0),
            new Agency("Global Wire Service", "GWS", "urn:newsml:gws.example:", WireFormat.NINJS, 1),
            new Agency("Continental News Agency", "CNA", "urn:newsml:cna.example:", WireFormat.NINJS, 2),
            new Agency("Harbour Times", "HT", "https://harbourtimes.example/news/", WireFormat.RSS, 3),
            new Agency("Northern Telegraph Agency", "NTA", "urn:newsml:nta.example:", WireFormat.NEWSML, 4));
}
