package ru.mos.localisation.request;

/** The industry a localisation project belongs to. */
public enum Sector {
  BATTERY_RECYCLING,
  BATTERY_MANUFACTURING,
  BIOTECH,
  MEDICAL_EQUIPMENT,
  ELEVATORS,
  OTHER
}
