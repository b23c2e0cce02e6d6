package io.newsflow.generator;

import java.util.List;

/** A country as wire copy names it: ISO code, name, capital (the usual dateline), another city, demonym. */
record Place(String code, String name, String capital, String city, String demonym) {

    /** Countries the generated stories happen in; enough spread for per-country routing and trending. */
    static final List<Place> ALL = List.of(
            new Place("RU", "Russia", "MOSCOW", "St Petersburg", "Russian"),
            new Place("UA", "Ukraine", "KYIV", "Kharkiv", "Ukrainian"),
            new Place("FR", "France", "PARIS", "Marseille", "French"),
            new Place("DE", "Germany", "BERLIN", "Munich", "German"),
            new Place("GB", "Britain", "LONDON", "Manchester", "British"),
            new Place("US", "the United States", "WASHINGTON", "Chicago", "American"),
            new Place("CN", "China", "BEIJING", "Shanghai", "Chinese"),
            new Place("JP", "Japan", "TOKYO", "Osaka", "Japanese"),
            new Place("IN", "India", "NEW DELHI", "Mumbai", "Indian"),
            new Place("BR", "Brazil", "BRASILIA", "Sao Paulo", "Brazilian"),
            new Place("MX", "Mexico", "MEXICO CITY", "Guadalajara", "Mexican"),
            new Place("AR", "Argentina", "BUENOS AIRES", "Cordoba", "Argentine"),
            new Place("NG", "Nigeria", "ABUJA", "Lagos", "Nigerian"),
            new Place("KE", "Kenya", "NAIROBI", "Mombasa", "Kenyan"),
            new Place("ZA", "South Africa", "PRETORIA", "Johannesburg", "South African"),
            new Place("EG", "Egypt", "CAIRO", "Alexandria", "Egyptian"),
            new Place("TR", "Turkey", "ANKARA", "Istanbul", "Turkish"),
            new Place("IR", "Iran", "TEHRAN", "Isfahan", "Iranian"),
            new Place("IL", "Israel", "JERUSALEM", "Tel Aviv", "Israeli"),
            new Place("SA", "Saudi Arabia", "RIYADH", "Jeddah", "Saudi"),
            new Place("PK", "Pakistan", "ISLAMABAD", "Karachi", "Pakistani"),
            new Place("BD", "Bangladesh", "DHAKA", "Chittagong", "Bangladeshi"),
            new Place("ID", "Indonesia", "JAKARTA", "Surabaya", "Indonesian"),
            new Place("PH", "the Philippines", "MANILA", "Cebu", "Filipino"),
            new Place("VN", "Vietnam", "HANOI", "Ho Chi Minh City", "Vietnamese"),
            new Place("KR", "South Korea", "SEOUL", "Busan", "South Korean"),
            new Place("AU", "Australia", "CANBERRA", "Sydney", "Australian"),
            new Place("CA", "Canada", "OTTAWA", "Toronto", "Canadian"),
            new Place("IT", "Italy", "ROME", "Milan", "Italian"),
            new Place("ES", "Spain", "MADRID", "Barcelona", "Spanish"),
            new Place("PL", "Poland", "WARSAW", "Krakow", "Polish"),
            new Place("SE", "Sweden", "STOCKHOLM", "Gothenburg", "Swedish"),
            new Place("GR", "Greece", "ATHENS", "Thessaloniki", "Greek"),
            new Place("CL", "Chile", "SANTIAGO", "Valparaiso", "Chilean"),
            new Place("CO", "Colombia", "BOGOTA", "Medellin", "Colombian"),
            new Place("PE", "Peru", "LIMA", "Cusco", "Peruvian"),
            new Place("ET", "Ethiopia", "ADDIS ABABA", "Dire Dawa", "Ethiopian"),
            new Place("MA", "Morocco", "RABAT", "Casablanca", "Moroccan"),
            new Place("TH", "Thailand", "BANGKOK", "Chiang Mai", "Thai"),
            new Place("NZ", "New Zealand", "WELLINGTON", "Auckland", "New Zealand"));
}
