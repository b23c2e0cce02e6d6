package io.newsflow.countries;

/** What sort of name a gazetteer row is; decides how much one mention of it weighs. */
enum Kind {
    NAME(1.0, "country name"),
    ABBREV(1.0, "abbreviation"),
    FORMER(1.0, "former name"),
    FOREIGN(0.7, "name in another language"),
    DEMONYM(0.6, "demonym"),
    CAPITAL(0.8, "capital"),
    CITY(0.7, "city"),
    REGION(0.7, "region"),
    METONYM(0.8, "metonym"),
    /** A phrase that names no country (code "-") or pins a reading; it stops shorter names inside it. */
    PHRASE(1.0, "phrase");

    final double weight;
    final String reason;

    Kind(double weight, String reason) {
        this.weight = weight;
        this.reason = reason;
    }

    static Kind parse(String s) {
        return switch (s) {
            case "name" -> NAME;
            case "abbrev" -> ABBREV;
            case "former" -> FORMER;
            case "foreign" -> FOREIGN;
            case "demonym" -> DEMONYM;
            case "capital" -> CAPITAL;
            case "city" -> CITY;
            case "region" -> REGION;
            case "metonym" -> METONYM;
            case "phrase" -> PHRASE;
            default -> throw new IllegalArgumentException("unknown gazetteer kind '" + s + "'");
        };
    }

    boolean isPlace() {
        return this == CAPITAL || this == CITY || this == REGION;
    }
}
