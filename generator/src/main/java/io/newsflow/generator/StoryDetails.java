package io.newsflow.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The facts only one story has: a few sentences drawn from a pool of frames and filled with its own figures and
 * specifics, shared by every agency covering the story. Without them two stories of one kind (two floods in two
 * countries) would read as the same text with a different place name, and story clustering would rightly merge
 * them; real coverage of different events shares far fewer words.
 */
final class StoryDetails {
    static final int SENTENCES = 10;

    /**
     * {A} {B} {C}: counts (11 to 4,990); {S} {S2}: small counts (2 to 30: days, months, years, people kept); {PA} {PB}:
     * percentages (2 to 35); {YR}: a recent year; {X} {Y}: things; {W}: a time phrase. Kind-neutral, so any story can
     * use any, and every figure stays in a range its phrase makes plausible.
     */
    private static final List<String> FRAMES = List.of(
            "Officials counted {A} {X}, {B} {Y} and {C} damaged homes by the evening.",
            "A spokesman said {A} {X} and {B} workers had been sent to {C} sites {W}.",
            "Local media reported {A} {X} near depot {B}, about {C} metres from the road.",
            "The agency put the cost at {A} million, with {B} {X} and {C} {Y} still to be assessed.",
            "At least {A} {X} were moved to {B} temporary {Y} sites serving {C} families {W}.",
            "Insurers estimated {A} claims covering {B} {X} and {C} {Y}.",
            "Police closed {A} roads and diverted {B} {X} around {C} checkpoints.",
            "The ministry said {A} {X} and {B} {Y} would stay shut for {S} days.",
            "Volunteers handed out {A} {X} and {B} {Y} to {C} people at a school gym.",
            "Regional officials asked for {A} more {X}, {B} {Y} and {C} staff.",
            "A hospital treated {A} people and kept {S} of them overnight.",
            "Engineers inspected {A} {X} and found {B} needing repairs costing {C} thousand.",
            "Footage showed {A} {X} and {B} {Y} scattered across square {C} {W}.",
            "The operator said {A} {X} and {B} {Y} were out of service, affecting {C} customers.",
            "A committee of {S} members will review {B} {X} rules by day {S2} of the session.",
            "Some {A} residents lined the road to office {B}, carrying {C} {X}.",
            "Traders said {X} prices rose {PA} percent and {Y} prices {PB} percent in {C} markets.",
            "The council set aside {A} thousand for {B} {X} and {C} {Y}.",
            "Witnesses counted {A} {X} and {B} broken {Y} along route {C}.",
            "A helpline received {A} calls about {X} and {B} about {Y} from {C} towns {W}.",
            "The army sent {A} trucks carrying {B} {X} and {C} {Y}.",
            "Airlines cancelled {A} flights, delayed {B} and diverted {C} {W}.",
            "Schools reopened for {A} pupils in {B} districts, with {C} teachers absent.",
            "An inquiry will look at {A} {X} contracts worth {B} million signed since {YR}.",
            "Organisers said {A} delegates, {B} observers and {C} journalists had registered.",
            "A survey of {A} households found {PA} percent lacked {X} and {PB} percent lacked {Y}.",
            "The port handled {A} containers of {X} and {B} of {Y} on berth {C}.",
            "Unions representing {A} {X} workers and {B} {Y} staff called {C} meetings.",
            "Officials said {A} {X} had been checked, {B} cleared and {C} seized.",
            "The budget for {X} was raised by {PA} percent to {B} million over {S} years.",
            "A convoy of {A} vehicles brought {B} {X} and {C} {Y} {W}.",
            "Records show {A} similar {X} cases since {YR} and {C} convictions.",
            "A radio station said {A} people had gathered outside hall {B} with {C} {X}.",
            "The governor promised {A} new {X} and {B} {Y} within {S} months.",
            "Rail services on {A} lines resumed, carrying {B} passengers on {C} trains {W}.",
            "The charity said its {A} {X} teams had reached {B} villages and {C} camps.",
            "Prices of {X} and {Y} were capped at {A} and {B} for {S} days.",
            "Satellite images showed {A} hectares of {X} and {B} of {Y} affected in {C} zones.",
            "Banks froze {A} accounts holding {B} million linked to {C} {X} suppliers.",
            "Court papers list {A} {X}, {B} {Y} and {C} documents as evidence.");

    private static final List<String> THINGS = List.of(
            "tents", "generators", "blankets", "sandbags", "ambulances", "buses", "tractors", "boats", "cranes",
            "water tanks", "food parcels", "medical kits", "pumps", "ferries", "bridges", "clinics", "warehouses",
            "power lines", "fuel trucks", "mobile phones", "ballot boxes", "laptops", "textbooks", "cattle",
            "fishing boats", "grain silos", "schools", "pharmacies", "bakeries", "shelters", "tyres", "bicycles",
            "solar panels", "fire engines", "drones", "helmets", "radios", "rice sacks", "cement bags", "timber",
            "containers", "vaccines", "stretchers", "lamps", "wells", "turbines", "cables", "pipelines", "kiosks",
            "workshops", "markets", "orchards", "vineyards", "tunnels", "dams", "ports", "depots", "barracks",
            "libraries", "stadiums", "printing presses", "courtrooms", "laboratories", "refineries", "mills",
            "canoes", "ladders", "mattresses", "freezers", "incubators", "wheelchairs", "scaffolds", "forklifts",
            "lorries", "minibuses", "motorbikes", "trailers", "barges", "tugboats", "gliders", "chainsaws",
            "excavators", "bulldozers", "loudspeakers", "megaphones", "satellite dishes", "antennas", "transformers",
            "substations", "boreholes", "cisterns", "irrigation canals", "greenhouses", "hatcheries", "dairies",
            "abattoirs", "tanneries", "foundries", "sawmills", "quarries", "kilns", "looms", "spinning mills",
            "textile plants", "canneries", "breweries", "distilleries", "creameries", "granaries", "feed stores",
            "seed banks", "tool sheds", "garages", "car parks", "petrol stations", "toll booths", "lighthouses",
            "signal boxes", "level crossings", "footbridges", "viaducts", "culverts", "embankments", "levees",
            "sluice gates", "weirs", "reservoirs", "aqueducts", "water towers", "sewers", "drains", "gutters",
            "chimneys", "rooftops", "balconies", "staircases", "elevators", "escalators", "turnstiles", "kiosks",
            "vending machines", "cash machines", "ticket offices", "waiting rooms", "dormitories", "canteens",
            "infirmaries", "chapels", "mosques", "temples", "cemeteries", "monuments", "museums", "galleries",
            "theatres", "cinemas", "arcades", "bazaars", "pawnshops", "laundries", "tailors", "barbershops");

    private static final List<String> WHEN = List.of(
            "overnight", "by midday", "late in the afternoon", "before dawn", "within hours", "by nightfall",
            "early in the morning", "around noon");

    private StoryDetails() {}

    static List<String> generate(Random random) {
        List<String> frames = new ArrayList<>(FRAMES);
        List<String> out = new ArrayList<>(SENTENCES);
        Set<Integer> figures = new HashSet<>();
        for (int i = 0; i < SENTENCES; i++) {
            String frame = frames.remove(random.nextInt(frames.size()));
            String x = THINGS.get(random.nextInt(THINGS.size()));
            String y;
            do {
                y = THINGS.get(random.nextInt(THINGS.size()));
            } while (y.equals(x));
            out.add(frame.replace("{A}", Integer.toString(figure(random, figures)))
                    .replace("{B}", Integer.toString(figure(random, figures)))
                    .replace("{C}", Integer.toString(figure(random, figures)))
                    .replace("{S2}", Integer.toString(2 + random.nextInt(29)))
                    .replace("{S}", Integer.toString(2 + random.nextInt(29)))
                    .replace("{PA}", Integer.toString(2 + random.nextInt(34)))
                    .replace("{PB}", Integer.toString(2 + random.nextInt(34)))
                    .replace("{YR}", Integer.toString(1995 + random.nextInt(30)))
                    .replace("{X}", x).replace("{Y}", y)
                    .replace("{W}", WHEN.get(random.nextInt(WHEN.size()))));
        }
        return List.copyOf(out);
    }

    /** A figure the story has not used yet: figures are what makes one story's facts its own. */
    private static int figure(Random random, Set<Integer> used) {
        int n;
        do {
            n = 11 + random.nextInt(4_980);
        } while (!used.add(n));
        return n;
    }
}
