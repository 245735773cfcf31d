# Prints the memory figures of one Cortex-M4F image in one line, from `arm-none-eabi-size -A`
# and the linker-script symbols:
#   cmake -DSIZE=<arm-none-eabi-size> -DNM=<arm-none-eabi-nm> -DELF=<image.elf> -P m4f_memory_report.cmake
# text      = code and read-only data in FLASH (vectors, code, constants, unwind tables, init
#             arrays): Berkeley `size`'s text; FLASH used = text + data (initial values)
# RAM       = .data + .bss + the heap and main stack the linker script reserves (address ranges,
#             not sections; the 4 KiB MPU guard below the stack is not counted)
# modelstore= the emulated model flash (.modelstore), reported apart from RAM and FLASH
# Berkeley `size` counts .modelstore (NOLOAD) in its "bss" column; this line takes it out.
foreach(var SIZE NM ELF)
  if(NOT ${var})
    message(FATAL_ERROR "m4f_memory_report.cmake: -D${var}=... is required")
  endif()
endforeach()
execute_process(COMMAND ${SIZE} -A ${ELF} OUTPUT_VARIABLE sysv RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${SIZE} -A ${ELF} failed")
endif()
execute_process(COMMAND ${NM} ${ELF} OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} ${ELF} failed")
endif()

# Berkeley columns (text = code and constants, data = initialised writable sections such as
# .data and .init_array, bss = NOBITS), with .modelstore taken out of bss; RAM from the real
# RAM sections (.data, .bss).
execute_process(COMMAND ${SIZE} --format=berkeley ${ELF} OUTPUT_VARIABLE berkeley RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT berkeley MATCHES "\n[ \t]*([0-9]+)[ \t]+([0-9]+)[ \t]+([0-9]+)")
  message(FATAL_ERROR "${SIZE} --format=berkeley ${ELF} failed")
endif()
set(text ${CMAKE_MATCH_1})
set(data ${CMAKE_MATCH_2})
set(bss ${CMAKE_MATCH_3})
set(ram_data 0)
set(ram_bss 0)
set(modelstore 0)
string(REPLACE "\n" ";" lines "${sysv}")
foreach(line IN LISTS lines)
  if(line MATCHES "^([.A-Za-z_][^ \t]*)[ \t]+([0-9]+)[ \t]+([0-9]+)")
    if(CMAKE_MATCH_1 STREQUAL ".data")
      set(ram_data ${CMAKE_MATCH_2})
    elseif(CMAKE_MATCH_1 STREQUAL ".bss")
      set(ram_bss ${CMAKE_MATCH_2})
    elseif(CMAKE_MATCH_1 STREQUAL ".modelstore")
      set(modelstore ${CMAKE_MATCH_2})
    endif()
  endif()
endforeach()
math(EXPR bss "${bss} - ${modelstore}")

function(symbol_value name out)
  if(symbols MATCHES "([0-9a-fA-F]+) [aAtTdDbBrR] ${name}\n")
    math(EXPR v "0x${CMAKE_MATCH_1}")
    set(${out} ${v} PARENT_SCOPE)
  else()
    set(${out} 0 PARENT_SCOPE)
  endif()
endfunction()
symbol_value(__dlm_heap_size heap)
symbol_value(__dlm_stack_size stack)

get_filename_component(image ${ELF} NAME)
math(EXPR static_ram "${ram_data} + ${ram_bss}")
math(EXPR flash "${text} + ${data}")
math(EXPR ram "${static_ram} + ${heap} + ${stack}")
math(EXPR text_kib "(${text} * 10 + 512) / 1024")
math(EXPR ram_kib "(${ram} * 10 + 512) / 1024")
string(REGEX REPLACE "([0-9])$" ".\\1" text_kib "${text_kib}")
string(REGEX REPLACE "([0-9])$" ".\\1" ram_kib "${ram_kib}")
message("${image}: text ${text} B (${text_kib} KiB; FLASH text+data ${flash} B), data ${data} B, bss ${bss} B, "
        "RAM ${ram} B (${ram_kib} KiB = .data ${ram_data} + .bss ${ram_bss} + heap ${heap} + stack ${stack}), "
        "modelstore ${modelstore} B (emulated flash, not RAM)")

# Optional budget (the nucleo_size test): -DMAX_TEXT=<bytes> -DMAX_RAM=<bytes> fail the script
# when the image exceeds them.
if(MAX_TEXT AND text GREATER MAX_TEXT)
  message(FATAL_ERROR "${image}: text ${text} B exceeds the budget of ${MAX_TEXT} B")
endif()
if(MAX_RAM AND ram GREATER MAX_RAM)
  message(FATAL_ERROR "${image}: RAM ${ram} B exceeds the budget of ${MAX_RAM} B")
endif()
if(MAX_TEXT OR MAX_RAM)
  message("${image}: within budget (text <= ${MAX_TEXT} B, RAM <= ${MAX_RAM} B)")
endif()
