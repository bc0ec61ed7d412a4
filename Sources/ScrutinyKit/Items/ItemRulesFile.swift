import Foundation

/// `lexicons/items.yml` as it is written: the YAML's keys, decoded before ``ItemRules`` turns them
/// into phrase lists (each key is optional; a file without one gets the built-in default or none).
extension ItemRules {
    struct ActorGrammarFile: Decodable {
        var no_actor_at_cue: [String]?
        var passive_adverbs: [String]?
        var openings: [String]?
        var adverbial_openings: [String]?
        var not_imperative_before_to: [String]?
        var auxiliaries: [String]?
        var pronouns: [String]?
        var clause_openings: [String]?
        var bodies: [String]?
        var subordinators: [String]?
        var coordinators: [String]?
        var determiners: [String]?
    }

    struct File: Decodable {
        struct Procedural: Decodable {
            var opening: String?
            var bodies: [String]?
            var restated: [String]?
            var decisions: [String]?
            var resolutions: [String]?
            var requests: [String]?
            var recorded: [String]?
            var openings: [String]?
            var preambles: [String]?
            var housekeeping: [String]?
            var not_subjunctive_after: [String]?
            var not_after_opening: [String]?
        }

        /// The format of the file; this scrutiny reads version 1.
        var version: Int?
        var sections: [String: [String]]
        var closing_sections: [String]?
        var non_item_sections: [String]?
        var non_item_containers: [String]?
        var contents_headings: [String]?
        var quotation_cues: [String]?
        var quotation_verbs: [String]?
        var report_attributions: [String]?
        var report_sources: [String]?
        var reporting_verbs: [String]?
        var transparent_adverbs: [String]?
        var numbered_item_labels: [String]?
        var non_item_lead_ins: [String]?
        var lead_ins: [String: [String]]?
        var restatement_cues: [String]?
        var reported_findings_lead_ins: [String]?
        var example_openers: [String]?
        var lead_in_announcers: [String]?
        var lead_in_pointers: [String]?
        var lead_in_request_endings: [String]?
        var question_openers: [String]?
        var obligation: [String: [String]]
        var not_items: [String: [String]]?
        var pasted_lines: PastedLines?

        struct PastedLines: Decodable {
            var greetings: [String]?
            var sign_offs: [String]?
            var furniture: [String]?
            var announcements: [String]?
            var labels: [String]?
            var label_kinds: [String: String]?
            var imperatives: [String]?
            var tentative: [String]?
            var tentative_questions: [String]?
            var note_verbs: [String]?
            var note_finite: [String]?
            var note_comparatives: [String]?
            var open_endings: [String]?
            var closing_headings: [String]?
            var replies: [String]?
            var resolution_headings: [String]?
            var describing_verbs: [String]?
            var pointers: [String]?
        }
        var strength_verbs: [String]?
        var purpose_clauses: [String]?
        var false_cues: [String]?
        var acknowledged_needs: [String]?
        var embedded_clauses: EmbeddedClauses?

        struct EmbeddedClauses: Decodable {
            var openers: [String]?
            var cues: [String]?
            var indirect_questions: [String]?
        }
        var subordinate_clauses: SubordinateClauses?

        struct SubordinateClauses: Decodable {
            struct Clause: Decodable {
                var openers: [String]
                var cues: [String]
                var unless_followed_by: [String]?
                var adjacent: Bool?
                var unless_preceded_by: [String]?
                var only_after: [String]?
                var not_after_comma: Bool?
                var after_knowing: Bool?
                var window: Int?
                var at_start_only: Bool?
                var across: [String]?
                var knowing: [String]?
            }
            var clauses: [Clause]?
            var window: Int?
            var knowing: [String]?
            var knowing_window: Int?
        }
        var reduced_relatives: ReducedRelatives?

        struct ReducedRelatives: Decodable {
            var pronouns: [String]?
            var determiners: [String]?
        }
        var improvement_findings: [String]?
        var procedural: Procedural?
        var table_headers: [String: [String]]?
        var not_actors: [String]?
        var actor_grammar: ActorGrammarFile?
        var narrative: Narrative?

        struct Narrative: Decodable {
            var contrasts: [String]?
            var concessions: [String]?
            var conditions: [String]?
            var condition_nouns: [String]?
            var improving_trends: [String]?
            var negative: [String]?
            var positive: [String]?
            var not_findings: [String]?
            var neutral: [String]?
            var instructions: [String]?
            var purposes: [String]?
            var not_purposes: [String]?
            var grade_labels: [String]?
            var aims: [String]?
            var priority_openings: [String]?
            var embedded_questions: [String]?
            var ensured_clauses: [String]?
            var reported_grades: ReportedGrades?
            var weak: Weak?
            var prospective: Prospective?
            var named_findings: NamedFindings?

            struct NamedFindings: Decodable {
                var strengths: [String]?
                var weaknesses: [String]?
            }

            struct Prospective: Decodable {
                var markers: [String]?
                var cues: [String]?
                var window: Int?
                var window_after: Int?
            }

            struct ReportedGrades: Decodable {
                var verbs: [String]?
                var nouns: [String]?
                var window: Int?
                var object_window: Int?
            }

            struct Weak: Decodable {
                var cues: [String]?
                var document_types: [String]?
            }
        }
    }
}
