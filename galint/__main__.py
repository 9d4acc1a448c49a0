from galint.cli import main

main()
