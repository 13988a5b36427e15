# Registers each case of cli_test.sh with CTest as cli.<case>: the real
# gainsay binary run on the small stories in tests/fixtures. Every name here
# is a function case_<name> in cli_test.sh; add both together. A case exits
# 77 when a tool it needs (Graphviz's dot, python3's networkx) is missing,
# which CTest reports as skipped rather than passed.
set(GAINSAY_CLI_CASES
  smoke
  # import and stories
  import_db_option
  import_env_db
  import_default_db
  stories_formats
  reimport_replaces
  import_same_story_twice
  # disputed
  disputed_text
  disputed_markdown
  disputed_json
  disputed_csv
  disputed_from_files
  disputed_as_of
  disputed_filters
  disputed_unknown_filter
  disputed_colour
  search
  import_progress
  inputs_from_pipes
  # the other reports (tollen-light.yaml)
  show_text
  show_json_csv
  show_as_of
  show_verdict_as_of
  show_unknown_claim
  actor_text
  actor_json_csv
  actor_unknown
  timeline
  shifts
  contradictions
  matrix
  claims
  actors
  reports_from_files
  # graph: Graphviz DOT (rendered by dot), GraphML and node-link JSON (read by NetworkX)
  graph_dot_render
  graph_render
  graph_render_temp_file
  graph_graphml_networkx
  graph_hostile_text
  graph_graphml_line_break
  # export: back to story files and a CSV sheet
  export_yaml_round_trip
  export_json_round_trip
  export_csv
  export_several_stories
  export_csv_out_per_story
  export_out_not_a_directory
  # bad input: each refused with file:line:column, the database unchanged
  bad_malformed_yaml
  bad_unterminated_quote
  bad_format_2
  bad_missing_key
  bad_unknown_key
  bad_duplicate_id
  bad_unknown_actor
  bad_unknown_claim
  bad_unknown_source
  bad_unknown_statement
  bad_unknown_stance
  bad_unknown_attribution
  bad_invalid_date
  bad_impossible_date
  bad_member_of_cycle
  bad_responds_to_itself
  bad_empty_claim_text
  bad_invalid_utf8
  bad_nul_byte
  bad_deep_nesting
  bad_huge_file
  bad_several_problems
  bad_not_a_file
  bad_with_good
  # usage errors and help
  usage_no_subcommand
  usage_unknown_subcommand
  usage_unknown_option
  usage_bad_format
  usage_bad_as_of
  usage_no_database
  usage_unusable_database
  usage_help
  usage_help_reports
  # check
  check_clean
  check_not_found
  check_texts_dir
  check_sourcing
  check_database
  check_bad_input
  # report
  report_html
  report_hostile
  report_as_of
  # argumentation and interchange
  claimreview_round_trip
  aif_export
  argdown_parses
  standing
  # documentation
  readme_example
)
foreach(case IN LISTS GAINSAY_CLI_CASES)
  add_test(NAME cli.${case}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh $<TARGET_FILE:gainsay> ${case})
  set_tests_properties(cli.${case} PROPERTIES LABELS cli TIMEOUT 60 SKIP_RETURN_CODE 77)
endforeach()

# The census of bad inputs (tests/fixtures/bad/cases.txt): one case for each
# fixture listed there with its exact diagnostic.
# Only the first field of each line is kept: messages hold ; [ and ],
# which a CMake list would take for its own syntax.
file(READ ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/bad/cases.txt bad_input_cases)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/bad/cases.txt)
string(REGEX REPLACE "[][;]" "_" bad_input_cases "${bad_input_cases}")
string(REPLACE "\n" ";" bad_input_lines "${bad_input_cases}")
foreach(line IN LISTS bad_input_lines)
  if(NOT line MATCHES "^([^#\t][^\t]*)\t")
    continue()
  endif()
  set(fixture ${CMAKE_MATCH_1})
  add_test(NAME cli.bad_input.${fixture}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh $<TARGET_FILE:gainsay> bad_listed ${fixture})
  set_tests_properties(cli.bad_input.${fixture} PROPERTIES LABELS "cli;bad_input" TIMEOUT 60)
endforeach()
