#include "diffattn_tlm.hpp"

#include <cstring>

namespace diffattn {

DiffAttnTlm::DiffAttnTlm(sc_core::sc_module_name name, int nmax, int dmax, int dvmax, int lanes, bool narrow,
                         int out_lanes, sc_core::sc_time period)
    : sc_core::sc_module(name),
      socket("socket"),
      nmax_(nmax),
      dmax_(dmax),
      dvmax_(dvmax),
      lanes_(lanes),
      narrow_(narrow),
      out_lanes_(out_lanes),
      period_(period),
      q1_(static_cast<std::size_t>(nmax * dmax)),
      k1_(q1_.size()),
      q2_(q1_.size()),
      k2_(q1_.size()),
      v_(static_cast<std::size_t>(nmax * dvmax)),
      o_(v_.size()),
      gain_(static_cast<std::size_t>(dvmax)) {
  socket.register_b_transport(this, &DiffAttnTlm::b_transport);
}

void DiffAttnTlm::b_transport(tlm::tlm_generic_payload& tx, sc_core::sc_time& delay) {
  if (tx.get_data_length() != 4 || tx.get_byte_enable_ptr() || tx.get_streaming_width() < 4 ||
      tx.get_address() % 4 != 0) {
    tx.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
    return;
  }
  std::uint32_t word = static_cast<std::uint32_t>(tx.get_address() / 4);
  if (word >= 0x80000) {
    tx.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return;
  }
  // The access occupies one clock period, beginning at the initiator's local time.
  sc_core::sc_time begin = sc_core::sc_time_stamp() + delay;
  std::uint32_t data = 0;
  if (tx.is_write()) {
    std::memcpy(&data, tx.get_data_ptr(), 4);
    write(word, data, begin);
  } else if (tx.is_read()) {
    data = read(word, begin + period_);
    std::memcpy(tx.get_data_ptr(), &data, 4);
  }
  delay += period_;
  tx.set_response_status(tlm::TLM_OK_RESPONSE);
}

void DiffAttnTlm::write(std::uint32_t word, std::uint32_t data, const sc_core::sc_time& at) {
  if (busy_at(at)) return;
  std::uint32_t index = word & 0xffff;
  std::size_t qk = index % q1_.size(), vo = index % v_.size();  // the RTL keeps the low address bits
  switch (word >> 16) {
    case 0:
      switch (word) {
        case reg::kCtrl:
          if (data & 1) {
            FixedInputs in;
            int n = static_cast<int>(n_), d = static_cast<int>(d_), dv = static_cast<int>(dv_);
            in.q1 = in.k1 = in.q2 = in.k2 = Matrix<std::int8_t>(n, d);
            in.v = Matrix<std::int8_t>(n, dv);
            for (int r = 0; r < n; ++r) {
              for (int c = 0; c < d; ++c) {
                std::size_t at_qk = static_cast<std::size_t>(r * dmax_ + c);
                in.q1.at(r, c) = q1_[at_qk], in.k1.at(r, c) = k1_[at_qk];
                in.q2.at(r, c) = q2_[at_qk], in.k2.at(r, c) = k2_[at_qk];
              }
              for (int c = 0; c < dv; ++c) in.v.at(r, c) = v_[static_cast<std::size_t>(r * dvmax_ + c)];
            }
            in.lambda_q14 = lambda_;
            in.score_mult = static_cast<std::uint16_t>(score_mult_);
            in.score_shift = static_cast<int>(score_shift_);
            in.causal = causal_ != 0;
            in.norm = norm_ != 0;
            in.norm_eps = eps_;
            in.norm_gain.assign(gain_.begin(), gain_.begin() + dv);
            Matrix<std::int32_t> out = fixed_attention(in);
            for (int r = 0; r < n; ++r)
              for (int c = 0; c < dv; ++c) o_[static_cast<std::size_t>(r * dvmax_ + c)] = out.at(r, c);
            started_ = true;
            done_at_ = at + head_cycles(n, d, dv, in.causal, in.norm, lanes_, narrow_, out_lanes_) * period_;
            ++heads_;
          }
          break;
        case reg::kN: n_ = data; break;
        case reg::kD: d_ = data; break;
        case reg::kDv: dv_ = data; break;
        case reg::kLambda: lambda_ = static_cast<std::int16_t>(data & 0xffff); break;
        case reg::kScoreMult: score_mult_ = data & 0xffff; break;
        case reg::kScoreShift: score_shift_ = data & 63; break;
        case reg::kCausal: causal_ = data & 1; break;
        case reg::kNorm: norm_ = data & 1; break;
        case reg::kEps: eps_ = data; break;
        default: break;
      }
      break;
    case 1: q1_[qk] = static_cast<std::int8_t>(data); break;
    case 2: k1_[qk] = static_cast<std::int8_t>(data); break;
    case 3: q2_[qk] = static_cast<std::int8_t>(data); break;
    case 4: k2_[qk] = static_cast<std::int8_t>(data); break;
    case 5: v_[vo] = static_cast<std::int8_t>(data); break;
    case 7: gain_[index % gain_.size()] = static_cast<std::int16_t>(data & 0xffff); break;
    default: break;
  }
}

std::uint32_t DiffAttnTlm::read(std::uint32_t word, const sc_core::sc_time& end) const {
  if (word == reg::kStatus) {
    bool busy = busy_at(end), done = started_ && !busy;
    return (done ? 2u : 0u) | (busy ? 1u : 0u);
  }
  if ((word >> 16) == 6) return static_cast<std::uint32_t>(o_[(word & 0xffff) % o_.size()]);
  switch (word) {
    case reg::kNMax: return static_cast<std::uint32_t>(nmax_);
    case reg::kDMax: return static_cast<std::uint32_t>(dmax_);
    case reg::kDvMax: return static_cast<std::uint32_t>(dvmax_);
    case reg::kLanes: return static_cast<std::uint32_t>(lanes_ + (narrow_ ? 256 : 0) + (out_lanes_ << 16));
    case reg::kHasNorm: return 1;  // the RTL it stands for is built with the RMSNorm
    default: return 0;
  }
}

}  // namespace diffattn
