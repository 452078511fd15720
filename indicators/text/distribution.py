"""Texts of the distribution analyses (indicators/analyses/distribution.py): sentences, figures, tables."""

DISTRIBUTION = {
    "and": {"nl": "en", "en": "and"},
    "versus": {"nl": "tegenover", "en": "versus"},
    "total": {"nl": "Totaal (alle regio's)", "en": "Total (all regions)"},
    "mean": {"nl": "gemiddelde", "en": "mean"},
    "median": {"nl": "mediaan", "en": "median"},
    "Mean": {"nl": "Gemiddelde", "en": "Mean"},
    "Median": {"nl": "Mediaan", "en": "Median"},
    # the bottom in words, after a share: "7.7% score below 6" (the threshold as entered)
    "score_below": {"nl": "scoort onder {t}", "en": "score below {t}"},
    "score_or_higher": {"nl": "scoort {t} of hoger", "en": "score {t} or higher"},
    "below": {"nl": "zit onder {t}", "en": "are below {t}"},
    "at_least": {"nl": "zit op {t} of hoger", "en": "are at {t} or higher"},
    "poverty": {
        "nl": "zit onder de armoedegrens van {t} (60% van de mediaan van alle regio's)",
        "en": "are below the poverty line of {t} (60% of the median of all regions)",
    },
    "answer_or_lower": {"nl": "antwoordt '{a}' of lager", "en": "answer '{a}' or lower"},
    "answer_or_higher": {"nl": "antwoordt '{a}' of hoger", "en": "answer '{a}' or higher"},
    "answer_is": {"nl": "antwoordt '{a}'", "en": "answer '{a}'"},
    # sentences
    "same_mean": {
        "nl": "Zelfde gemiddelde {var} ({m}) in {a} en {b}, maar {sa} tegenover {sb} {what}.",
        "en": "Same mean {var} ({m}) in {a} and {b}, but {sa} versus {sb} {what}.",
    },
    "almost_same_mean": {
        "nl": "Bijna hetzelfde gemiddelde {var} in {a} ({ma}) en {b} ({mb}), maar {sa} "
        "tegenover {sb} {what}.",
        "en": "Almost the same mean {var} in {a} ({ma}) and {b} ({mb}), but {sa} versus {sb} "
        "{what}.",
    },
    "same_mean_q": {
        "nl": "Zelfde gemiddelde {var} ({m}) in {a} en {b}, maar de {p} ligt op {sa} "
        "tegenover {sb}.",
        "en": "Same mean {var} ({m}) in {a} and {b}, but the {p} is {sa} versus {sb}.",
    },
    "almost_same_mean_q": {
        "nl": "Bijna hetzelfde gemiddelde {var} in {a} ({ma}) en {b} ({mb}), maar de {p} ligt "
        "op {sa} tegenover {sb}.",
        "en": "Almost the same mean {var} in {a} ({ma}) and {b} ({mb}), but the {p} is {sa} "
        "versus {sb}.",
    },
    "reversed": {
        "nl": "{a} doet het gemiddeld beter dan {b} ({var}: {ma} tegenover {mb}), maar een "
        "groter deel in {a} {what}: {sa} tegenover {sb}.",
        "en": "{a} does better than {b} on average ({var}: {ma} versus {mb}), yet more people "
        "in {a} {what}: {sa} versus {sb}.",
    },
    "reversed_q": {
        "nl": "{a} doet het gemiddeld beter dan {b} ({var}: {ma} tegenover {mb}), maar de {p} "
        "is in {a} slechter: {sa} tegenover {sb}.",
        "en": "{a} does better than {b} on average ({var}: {ma} versus {mb}), yet its {p} is "
        "worse: {sa} versus {sb}.",
    },
    "same_story": {
        "nl": "Hier vertellen het gemiddelde en de onderkant hetzelfde verhaal: geen twee "
        "regio's met (bijna) hetzelfde gemiddelde maar een duidelijk andere onderkant, en "
        "geen regio waar een beter gemiddelde een slechtere onderkant verbergt.",
        "en": "Here the average and the bottom tell the same story: no two regions with "
        "(almost) the same mean but a clearly different bottom, and no region where a better "
        "average hides a worse bottom.",
    },
    "single": {
        "nl": "{a}: gemiddelde {var} {m}, mediaan {med}; {s} {what}.",
        "en": "{a}: mean {var} {m}, median {med}; {s} {what}.",
    },
    "single_q": {
        "nl": "{a}: gemiddelde {var} {m}, mediaan {med}; de {p} is {s}.",
        "en": "{a}: mean {var} {m}, median {med}; the {p} is {s}.",
    },
    # whether the bottoms differ, given their sampling uncertainty (microdata)
    "sig": {
        "nl": "Dat is significant meer in {a}: {d} procentpunt (95%-interval van het verschil: "
        "{lo} tot {hi}).",
        "en": "That is significantly more in {a}: {d} percentage points (95% interval of the "
        "difference: {lo} to {hi}).",
    },
    "sig_q": {
        "nl": "Dat is significant {side} in {a}: {d} (95%-interval van het verschil: {lo} tot "
        "{hi}).",
        "en": "That is significantly {side} in {a}: {d} (95% interval of the difference: {lo} "
        "to {hi}).",
    },
    "higher": {"nl": "hoger", "en": "higher"},
    "lower": {"nl": "lager", "en": "lower"},
    "same_share": {"nl": "hetzelfde aandeel dat {what}", "en": "the same share who {what}"},
    "same_q": {"nl": "dezelfde {p}", "en": "the same {p}"},
    "same_mean_ns": {
        "nl": "Zelfde gemiddelde {var} ({m}) in {a} en {b}, en ongeveer {bottom}: {sa} "
        "tegenover {sb}",
        "en": "Same mean {var} ({m}) in {a} and {b}, and about {bottom}: {sa} versus {sb}",
    },
    "almost_same_mean_ns": {
        "nl": "Bijna hetzelfde gemiddelde {var} in {a} ({ma}) en {b} ({mb}), en ongeveer "
        "{bottom}: {sa} tegenover {sb}",
        "en": "Almost the same mean {var} in {a} ({ma}) and {b} ({mb}), and about {bottom}: "
        "{sa} versus {sb}",
    },
    "reversed_ns": {
        "nl": "{a} doet het gemiddeld beter dan {b} ({var}: {ma} tegenover {mb}), maar heeft "
        "ongeveer {bottom}: {sa} tegenover {sb}",
        "en": "{a} does better than {b} on average ({var}: {ma} versus {mb}), with about "
        "{bottom}: {sa} versus {sb}",
    },
    "ns_tail": {
        "nl": "; het verschil van {d} procentpunt valt binnen de onzekerheidsmarge "
        "(95%-interval: {lo} tot {hi}).",
        "en": "; the difference of {d} percentage points is within the margin of error (95% "
        "interval: {lo} to {hi}).",
    },
    "ns_tail_q": {
        "nl": "; het verschil van {d} valt binnen de onzekerheidsmarge (95%-interval: {lo} tot "
        "{hi}).",
        "en": "; the difference of {d} is within the margin of error (95% interval: {lo} to {hi}).",
    },
    # a number with its interval, in the table
    "interval": {"nl": "{value} ({low} tot {high})", "en": "{value} ({low} to {high})"},
    "col_se": {"nl": "{col}_standaardfout", "en": "{col}_se"},
    "col_low": {"nl": "{col}_ondergrens", "en": "{col}_ci_low"},
    "col_high": {"nl": "{col}_bovengrens", "en": "{col}_ci_high"},
    # chart titles and axes
    "in_year": {"nl": " in {year}", "en": " in {year}"},
    "title_dist": {
        "nl": "{var}{in_year}: verdeling in {groups}, gemiddelde en mediaan gemarkeerd",
        "en": "{var}{in_year}: distribution in {groups}, mean and median marked",
    },
    "title_answers": {
        "nl": "{var}{in_year}: aandeel per antwoord in {groups}",
        "en": "{var}{in_year}: share of each answer in {groups}",
    },
    "title_quantiles": {
        "nl": "{var}{in_year}: P10, P25, mediaan, P75 en P90 per regio, met het gemiddelde",
        "en": "{var}{in_year}: P10, P25, median, P75 and P90 by region, with the mean",
    },
    "title_slope": {
        "nl": "{var}{in_year}: rang naar gemiddelde tegenover rang naar {bottom}",
        "en": "{var}{in_year}: rank by mean versus rank by {bottom}",
    },
    "rank_mean": {"nl": "Rang naar gemiddelde", "en": "Rank by mean"},
    "rank_bottom": {"nl": "Rang naar {bottom}", "en": "Rank by {bottom}"},
    "rank_axis": {"nl": "Rang (1 = best)", "en": "Rank (1 = best)"},
    "moved": {"nl": "{k} of meer plaatsen verschoven", "en": "moved {k} or more places"},
    "steady": {"nl": "minder dan {k} plaatsen verschoven", "en": "moved fewer than {k} places"},
    "share_axis_w": {"nl": "Aandeel, gewogen (%)", "en": "Share, weighted (%)"},
    "share_axis": {"nl": "Aandeel (%)", "en": "Share (%)"},
    "cum_axis_w": {
        "nl": "Aandeel met deze waarde of lager, gewogen (%)",
        "en": "Share at or below this value, weighted (%)",
    },
    "cum_axis": {
        "nl": "Aandeel met deze waarde of lager (%)",
        "en": "Share at or below this value (%)",
    },
    "answer_axis": {"nl": "Antwoord", "en": "Answer"},
    "region_axis": {"nl": "Regio", "en": "Region"},
    "share_bottom": {"nl": "aandeel dat {what}", "en": "share who {what}"},
    "bottom_share_short": {"nl": "aandeel aan de onderkant", "en": "share at the bottom"},
}

TABLE_COLUMNS = {
    "group": {"nl": "regio", "en": "region"},
    "n": {"nl": "waarnemingen", "en": "observations"},
    "weight_sum": {"nl": "som_gewichten", "en": "weight_sum"},
    "mean": {"nl": "gemiddelde", "en": "mean"},
    "sd": {"nl": "standaardafwijking", "en": "sd"},
    "p10": {"nl": "p10", "en": "p10"},
    "p25": {"nl": "p25", "en": "p25"},
    "median": {"nl": "mediaan", "en": "median"},
    "p75": {"nl": "p75", "en": "p75"},
    "p90": {"nl": "p90", "en": "p90"},
    "bottom": {"nl": "onderkant", "en": "bottom"},
    "rank_mean": {"nl": "rang_gemiddelde", "en": "rank_by_mean"},
    "rank_bottom": {"nl": "rang_onderkant", "en": "rank_by_bottom"},
    "suppressed": {"nl": "verborgen", "en": "suppressed"},
}


AREAS = {
    "distribution": DISTRIBUTION,
    "distribution_columns": TABLE_COLUMNS,
}
