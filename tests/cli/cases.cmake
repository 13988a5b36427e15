# Registers each case of cli_test.sh with CTest.
set(GAINSAY_CLI_CASES smoke)
foreach(case IN LISTS GAINSAY_CLI_CASES)
  add_test(NAME cli.${case}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh $<TARGET_FILE:gainsay> ${case})
endforeach()
