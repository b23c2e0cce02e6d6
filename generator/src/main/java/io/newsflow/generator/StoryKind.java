package io.newsflow.generator;

import java.util.List;

/**
 * Kinds of news event with the ways different desks headline them and the facts every version shares.
 * Placeholders: {C} country name, {D} demonym, {CITY} a city, {CAP} the capital (title case), {N} the story's
 * figure (drawn from the kind's own {@link Figure} range: a death toll, a turnout, a magnitude), {P} the official's
 * name, {O} the other country.
 */
record StoryKind(String slug, List<String> keywords, List<String> headlines, List<String> ledes,
                 List<String> facts, String updateFact, Figure figure) {

    /** The range a kind's headline figure is plausible in, and how it is written. */
    record Figure(String what, double min, double max, int decimals) {
        String draw(java.util.Random random) {
            double steps = Math.pow(10, decimals);
            double value = Math.round((min + random.nextDouble() * (max - min)) * steps) / steps;
            return decimals == 0 ? Long.toString(Math.round(value)) : String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
        }
    }

    static final List<StoryKind> ALL = List.of(
            new StoryKind("floods", List.of("floods", "weather", "disaster"),
                    List.of("Floods kill {N} in {C} as rivers burst their banks",
                            "{D} floods: death toll reaches {N}",
                            "At least {N} dead after flash floods hit {CITY}",
                            "{C} flooding leaves {N} dead, thousands homeless",
                            "Rescuers search for survivors as {D} floods kill {N}"),
                    List.of("Flash floods killed at least {N} people in {C} after days of heavy rain, officials said.",
                            "Rivers burst their banks across {C}, killing {N} people and forcing thousands from their homes.",
                            "The death toll from floods in and around {CITY} rose to {N} on the third day of rain."),
                    List.of("Emergency minister {P} said rescue teams were working through the night.",
                            "Schools in {CITY} were closed and train services suspended.",
                            "{O} offered to send rescue teams and helicopters.",
                            "Forecasters expect more rain over the weekend."),
                    "Officials later raised the toll, saying more bodies had been found near {CITY}.", new Figure("deaths", 3, 240, 0)),
            new StoryKind("election", List.of("election", "politics"),
                    List.of("{D} voters go to the polls in tight race",
                            "{C} election: {P} claims early lead",
                            "Polls close in {C} with turnout near {N} percent",
                            "{P} edges ahead as {D} votes are counted",
                            "High turnout reported in {D} general election"),
                    List.of("Voters in {C} cast ballots on Sunday in an election seen as a test for the government.",
                            "Turnout in the {D} election approached {N} percent, the electoral commission said.",
                            "Opposition leader {P} claimed an early lead as counting began across {C}."),
                    List.of("Long queues formed outside polling stations in {CITY}.",
                            "Observers from {O} said voting was largely orderly.",
                            "Final results are expected within two days.",
                            "The campaign was dominated by inflation and housing costs."),
                    "The electoral commission later published partial results from {CITY}.", new Figure("turnout percent", 38, 83, 0)),
            new StoryKind("earthquake", List.of("earthquake", "disaster"),
                    List.of("Magnitude {N} earthquake strikes {C}",
                            "Strong quake shakes {CITY}, buildings damaged",
                            "{D} quake: residents flee into streets",
                            "Earthquake of magnitude {N} hits near {CITY}",
                            "Powerful earthquake rattles {C}, no tsunami warning"),
                    List.of("A magnitude {N} earthquake struck near {CITY} in {C} early on Tuesday, the geological survey said.",
                            "A strong earthquake shook {C}, sending residents of {CITY} into the streets.",
                            "Buildings swayed in {CAP} as a powerful quake hit the region."),
                    List.of("There were no immediate reports of casualties.",
                            "Authorities said no tsunami warning had been issued.",
                            "{P}, head of the civil defence agency, urged calm.",
                            "Neighbouring {O} said it had felt tremors."),
                    "Aftershocks continued through the morning, officials said.", new Figure("magnitude", 4.6, 7.9, 1)),
            new StoryKind("summit", List.of("diplomacy", "politics", "trade"),
                    List.of("{C} and {O} leaders meet in {CAP}",
                            "{P} hosts talks with {O} on trade",
                            "Summit in {CAP} ends with trade pledge",
                            "{C}, {O} agree to expand trade at summit",
                            "Leaders hold talks in {CAP} on energy and trade"),
                    List.of("Leaders of {C} and {O} met in {CAP} on Monday for talks on trade and energy.",
                            "{D} president {P} hosted the leader of {O} in {CAP}, pledging closer economic ties.",
                            "A summit between {C} and {O} ended with a pledge to double trade from {N} billion dollars."),
                    List.of("The two sides signed agreements on energy and transport.",
                            "Protesters gathered outside the venue in {CAP}.",
                            "Officials said a follow-up meeting would be held in {CITY}.",
                            "Trade between the two countries was worth {N} billion dollars last year."),
                    "A joint statement was released after the talks.", new Figure("trade, billion dollars", 2, 140, 0)),
            new StoryKind("strike", List.of("labour", "economy", "transport"),
                    List.of("Rail strike halts trains across {C}",
                            "{D} workers walk out over pay",
                            "Strike paralyses transport in {CITY}",
                            "{N},000 join {D} strike over wages",
                            "Unions in {C} stage nationwide strike"),
                    List.of("Trains and buses stopped across {C} on Wednesday as unions staged a strike over pay.",
                            "About {N},000 workers walked out in {C}, demanding higher wages.",
                            "Commuters in {CITY} struggled to get to work as a transport strike began."),
                    List.of("Union leader {P} said the action would continue until talks resumed.",
                            "The transport ministry called the strike irresponsible.",
                            "Flights to {O} were also affected.",
                            "Inflation in {C} has eroded wages for two years."),
                    "Talks between unions and the government were set to resume.", new Figure("thousand workers", 2, 300, 0)),
            new StoryKind("match", List.of("sport", "football"),
                    List.of("{C} beat {O} {N}-1 in World Cup qualifier",
                            "{D} striker scores twice as {C} win",
                            "{C} top group after {N}-1 win over {O}",
                            "Late goals give {C} victory against {O}",
                            "{CITY} crowd cheers {D} win over {O}"),
                    List.of("{C} beat {O} {N}-1 in a World Cup qualifier in {CITY} on Saturday.",
                            "Two late goals gave {C} a {N}-1 victory over {O}.",
                            "{D} fans celebrated in {CITY} after their team beat {O}."),
                    List.of("Striker {P} scored twice in the second half.",
                            "The result puts {C} top of the group.",
                            "{O} had a goal disallowed for offside.",
                            "The teams meet again in March."),
                    "The coach praised the team's second-half performance.", new Figure("goals of the winner", 2, 5, 0)));
}
