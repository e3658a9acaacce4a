"""The office's documents generated from the store: the kommunaler Bildungsbericht and the Gemeindesteckbriefe."""
